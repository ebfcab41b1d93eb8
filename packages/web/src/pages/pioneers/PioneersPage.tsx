// 示范岗与评优: tabs 示范岗 / 先锋队 / 优秀党员评选. The party office and the branch secretaries propose,
// approve, review and nominate here; every member of the court sees what stands today (the publicity
// list: names, posts, commitments — no personal data).
import { Tabs, Typography } from 'antd';
import { useCan } from '../../auth';
import { PageCard } from '../../components/PageCard';
import { useUrlFilters } from '../../lib/url-filters';
import { DesignationsTab } from './DesignationsTab';
import { ExcellenceTab } from './ExcellenceTab';

const tabs = [
  { key: 'posts', label: '党员示范岗' },
  { key: 'teams', label: '党员先锋队' },
  { key: 'excellence', label: '优秀党员评选' },
] as const;
type TabKey = (typeof tabs)[number]['key'];

export default function PioneersPage() {
  const [params, update] = useUrlFilters();
  const manage = useCan('pioneers:manage');
  const tab = (tabs.map((t) => t.key) as string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'posts';
  return (
    <PageCard title="示范岗与评优">
      <Typography.Paragraph type="secondary">
        设立“党员先锋队”“党员示范岗”，定期评选优秀党员，确保业务工作开展到哪里，党员作用就发挥到哪里。党支部申报，机关党委批准挂牌并每年考评；考评不合格或期满即摘牌。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k })}
        destroyOnHidden
        items={tabs.map((t) => ({
          key: t.key,
          label: t.label,
          children: t.key === 'excellence' ? <ExcellenceTab manage={manage} /> : <DesignationsTab kind={t.key === 'posts' ? 'modelPost' : 'vanguardTeam'} manage={manage} />,
        }))}
      />
    </PageCard>
  );
}
