/**
 * A small world for the indicator view's tests: a gap year, every kind of target mark
 * (plain, `~` band, `>=` floor, `<=` ceiling, text), estimates, a conflict between two
 * sources, and a hostile quote that must stay text in every tooltip.
 */
import { buildDataset, type RawFile } from '../src/data/dataset';
import { Catalog } from '../src/model/catalog';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

export const HOSTILE = '<img src=x onerror=alert(1)>';

const districts = `id,name_zh,name_en,level,parent,adcode
hohhot,呼和浩特市,Hohhot,city,,150100
tumed-left,土默特左旗,Tumed Left Banner,banner,hohhot,150121
yuquan,玉泉区,Yuquan District,district,hohhot,150104
`;

const indicators = `id,name_zh,name_en,category,unit,measure,better,description_zh,description_en
gdp-growth,地区生产总值增速,GDP growth,economy,%,growth,higher,地区生产总值比上年增长的百分比。,Year-on-year growth of GDP.
grain-output,粮食总产量,Grain output,agriculture,万吨,level,higher,一年收获的粮食总量。,Grain harvested in the year.
income-growth,全体居民人均可支配收入增速,Per-capita disposable income growth,economy,%,growth,higher,,
aq-heavy-pollution-ratio,重污染天气比率,Share of heavily polluted days,environment,%,ratio,lower,,
`;

const sources = `id,title_zh,publisher_zh,district,published,kind,text,url
tl-report-2025,土默特左旗政府工作报告,土默特左旗人民政府,tumed-left,2024-12-26,work-report,report.txt,
tl-report-2024,土默特左旗政府工作报告（2024）,土默特左旗人民政府,tumed-left,2024-01-10,work-report,,http://example.org/tl-2024
tl-bulletin-2023,土默特左旗统计公报,土默特左旗统计局,tumed-left,2023-04-01,statistics,,http://example.org/tl-bulletin
yq-report-2025,玉泉区政府工作报告,玉泉区人民政府,yuquan,2025-01-08,work-report,,http://example.org/yq-2025
`;

const HEAD = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\n';

const obs: Record<number, string> = {
  2022: `tumed-left,grain-output,2022,actual,=,65,万吨,false,tl-bulletin-2023,,粮食总产量65万吨,
`,
  2023: `tumed-left,grain-output,2023,target,~,67,万吨,false,tl-bulletin-2023,,产量67万吨左右,
`,
  2024: `tumed-left,grain-output,2024,actual,>,72,万吨,false,tl-report-2025,5,"粮食总产量突破72万吨${HOSTILE}",
tumed-left,grain-output,2024,actual,=,71,万吨,false,tl-report-2024,,粮食总产量71万吨,
yuquan,grain-output,2024,actual,>=,4,万吨,false,yq-report-2025,,总产量稳定在4万吨以上,
tumed-left,gdp-growth,2024,target,~,8,%,false,tl-report-2024,,地区生产总值增长8%左右,
tumed-left,gdp-growth,2024,actual,~,6,%,true,tl-report-2025,4,预计地区生产总值同比增长6%左右,
yuquan,gdp-growth,2024,actual,=,7,%,true,yq-report-2025,,预计全年地区生产总值同比增长7%,
tumed-left,aq-heavy-pollution-ratio,2024,target,<=,1.5,%,false,tl-report-2024,,重污染天气比率控制在1.5%以内,
tumed-left,aq-heavy-pollution-ratio,2024,actual,=,1.2,%,false,tl-report-2025,6,重污染天气比率1.2%,
`,
  2025: `tumed-left,grain-output,2025,target,>=,73,万吨,false,tl-report-2025,8,粮食总产量稳定在73万吨以上,
tumed-left,gdp-growth,2025,target,~,6.5,%,false,tl-report-2025,8,地区生产总值增长6.5%左右,
yuquan,gdp-growth,2025,target,~,6.5,%,false,yq-report-2025,,地区生产总值增长6.5%左右,
tumed-left,income-growth,2025,target,text,,%,false,tl-report-2025,9,居民收入增长与经济增长基本同步,
`,
};

export function indicatorFiles(): RawFile[] {
  return [
    { path: 'districts.csv', text: districts },
    { path: 'indicators.csv', text: indicators },
    { path: 'sources.csv', text: sources },
    ...Object.entries(obs).map(([y, rows]) => ({ path: `observations/${y}.csv`, text: HEAD + rows })),
  ];
}

export function indicatorWorld() {
  const dataset = buildDataset(indicatorFiles());
  return { dataset, catalog: new Catalog(dataset, TODAY) };
}

/** Many districts, each with one figure: for the default cut and bounded descriptions. */
export function manyDistricts(count: number): Catalog {
  const d = ['id,name_zh,name_en,level,parent,adcode', 'tumed-left,土默特左旗,Tumed Left Banner,banner,,150121', 'yuquan,玉泉区,Yuquan District,district,,150104'];
  const o: string[] = [];
  for (let i = 0; i < count; i++) {
    d.push(`c${i},县${i},County ${i},county,,${String(200000 + i)}`);
    o.push(`c${i},grain-output,2024,actual,=,${10 + i},万吨,false,yq-report-2025,,产量${10 + i}万吨,`);
  }
  const ds = buildDataset([
    { path: 'districts.csv', text: d.join('\n') + '\n' },
    { path: 'indicators.csv', text: indicators },
    { path: 'sources.csv', text: sources },
    { path: 'observations/2024.csv', text: HEAD + o.join('\n') + '\n' },
  ]);
  return new Catalog(ds, TODAY);
}
