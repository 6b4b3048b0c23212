import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { isPhone } from "../rules/checks/header";
import type { Strings } from "./i18n";
import type { Profile } from "./source";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** The clerk's unit, name and phone, remembered for stamping the header. */
export function ProfileView({ initial, t, onSave }: { initial: Profile | undefined; t: Strings; onSave: (p: Profile) => Promise<boolean> }) {
  const styles = useStyles();
  const [p, setP] = useState<Profile>(initial ?? { unit: "", filler: "", phone: "" });
  const [saved, setSaved] = useState(false);
  const phoneBad = p.phone !== "" && !isPhone(p.phone);
  const edit = (k: keyof Profile) => (_: unknown, d: { value: string }) => {
    setSaved(false);
    setP({ ...p, [k]: d.value });
  };
  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(p).then(setSaved);
      }}
    >
      <Caption1>{t.profileHint}</Caption1>
      <Field label={t.unitName}>
        <Input value={p.unit} onChange={edit("unit")} />
      </Field>
      <Field label={t.filler}>
        <Input value={p.filler} onChange={edit("filler")} />
      </Field>
      <Field label={t.phone} validationState={phoneBad ? "error" : "none"} validationMessage={phoneBad ? t.phoneInvalid : undefined}>
        <Input value={p.phone} onChange={edit("phone")} inputMode="tel" />
      </Field>
      <Button type="submit" appearance="primary" disabled={phoneBad}>
        {saved ? t.saved : t.save}
      </Button>
    </form>
  );
}
