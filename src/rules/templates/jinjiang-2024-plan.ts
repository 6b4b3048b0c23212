/** 晋江市文旅行业 planning tables: 任务分解指导数 (seed 003, 附件1) and 任务清单 (附件6). */
import { jinjiangMilestones, jinjiangTaskRows } from "./data/jinjiang-tasklist";
import { jinjiangTargetRows } from "./data/jinjiang-targets";
import { leaf } from "./build";
import type { TemplateInput } from "./schema";

const EDITION = { issuer: "晋江市", year: 2024 };
const SECTOR_KEYS = ["tourism", "culture", "heritage"];

export const jinjiangTargets: TemplateInput = {
  id: "jinjiang-2024-targets",
  kind: "table",
  title:
    "晋江市文旅行业安全生产标准化提升专项行动固本强基“十百千万”示范工程各行业领域任务分解指导数",
  shortTitle: "任务分解指导数",
  titleKeywords: ["任务分解指导数", "任务分解"],
  edition: EDITION,
  source: { seed: "003", annex: "附件1" },
  cycle: "plan",
  headerFields: [],
  rowHeader: "行业领域",
  rows: jinjiangTargetRows.map((r, i) => ({
    key: SECTOR_KEYS[i],
    label: r.sector,
    // Clerks shorten the long sector names to their head word.
    aliases: [r.sector.replace(/（.*$/, "")],
  })),
  columns: [
    leaf("benchmark", "标杆企业数（家）", "家"),
    leaf("certified", "评审达标企业数（家）", "家"),
    leaf("posts", "示范岗位数（个）", "个"),
    leaf("owner", "责任单位及科室", undefined, { kind: "text" }),
  ],
  prefilled: Object.fromEntries(
    jinjiangTargetRows.map((r, i) => [
      SECTOR_KEYS[i],
      { benchmark: r.benchmark, certified: r.certified, posts: r.posts, owner: r.owner },
    ])
  ),
  notes: {},
};

export const jinjiangTasklist: TemplateInput = {
  id: "jinjiang-2024-tasklist",
  kind: "list",
  title: "晋江市文旅行业安全生产标准化提升专项行动2024年固本强基工作任务清单",
  shortTitle: "任务清单",
  titleKeywords: ["工作任务清单", "任务清单"],
  edition: EDITION,
  source: { seed: "003", annex: "附件6" },
  cycle: "plan",
  headerFields: [],
  columns: [
    { key: "month", label: "时间节点", role: "identity" },
    { key: "task", label: "工作任务", role: "item" },
    { key: "owner", label: "责任主体", role: "identity" },
    { key: "remark", label: "备注", role: "remark" },
  ],
  items: jinjiangTaskRows.map((t) => ({
    key: `task-${t.no}`,
    cells: { month: `${t.month}月`, task: `${t.no}.${t.task}`, owner: t.owner },
  })),
  milestones: jinjiangMilestones.map((m) => ({
    ...m,
    measure: m.measure as "benchmark" | "certified" | "posts",
  })),
  notes: {
    "1": "根据晋安委〔2024〕8号文件精神，全市安全生产标准化提升专项行动固本强基各实施阶段同步推进，以上任务清单所列的时间节点为最后完成时限，局各相关科室要注意统筹谋划本辖区本系统各项任务，确保按时或提前完成目标任务。",
    "2": "本清单当中“企业”对应晋安委〔2024〕8号文件，包括事业单位、各类场所管理机构等。",
  },
};
