import { Field, Select } from "@fluentui/react-components";
import type { Template } from "../rules/templates/schema";

/** A choice of official tables, each named by its issuer and short title (南安市季报表（一）). */
export function TemplateSelect({
  label,
  templates,
  value,
  onChange,
}: {
  label: string;
  templates: Template[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {templates.map((x) => (
          <option key={x.id} value={x.id}>
            {x.edition.issuer}
            {x.shortTitle}
          </option>
        ))}
      </Select>
    </Field>
  );
}
