// Seed 003 附件1: 晋江市文旅行业…“十百千万”示范工程各行业领域任务分解指导数 (no 合计 row in the source).
export const jinjiangTargetRows = [
  {
    no: 1,
    sector: "旅游行业（含旅行社、星级饭店<酒店>）",
    benchmark: 1,
    certified: 2,
    posts: 25,
    owner: "行业管理科",
  },
  {
    no: 2,
    sector:
      "文化行业（含互联网上网服务经营场所、娱乐场所和营业性演出、文化艺术经营活动等文化市场、图书馆、文化站<馆>等）",
    benchmark: 1,
    certified: 8,
    posts: 14,
    owner: "市场管理科、公共文化和艺术科",
  },
  {
    no: 3,
    sector: "文物和博物馆",
    benchmark: 1,
    certified: 0,
    posts: 1,
    owner: "文化遗产科",
  },
];
