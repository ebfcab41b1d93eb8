// 对外展示: the public, read-only page of a court's brand cluster ("1+N") — only the brands the party
// office chose to publish, with their story, the four standards' content, evidence per year and
// collective honors. No login and no personal data (GET /public/brand-showcase/:courtId).
import { Card, Col, Empty, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { BrandShowcase } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { showDate } from '../../lib/dates';
import { partyRed } from '../../theme';

type Brand = BrandShowcase['brands'][number];

const standards: [keyof Brand, string][] = [
  ['concept', '理念（有主题）'],
  ['substance', '内涵（有内涵）'],
  ['distinctiveness', '特色（有特色）'],
  ['integration', '融合（有融合）'],
  ['carriers', '载体与举措'],
];

function BrandBlock({ b }: { b: Brand }) {
  const evidence = b.evidenceByYear.reduce((n, y) => n + y.total, 0);
  return (
    <Card data-testid="showcase-brand" style={{ height: '100%', borderColor: b.isMaster ? partyRed : undefined }} styles={{ body: { padding: 20 } }}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Title level={b.isMaster ? 3 : 4} style={{ margin: 0, color: b.isMaster ? partyRed : undefined }}>
            {b.name}
          </Typography.Title>
          {b.isMaster && <Tag color="red">院级品牌</Tag>}
          {b.selectedYear && (
            <Tag color="gold" icon={<TrophyOutlined />} data-testid="showcase-selected">
              {b.selectedYear}年度选树
            </Tag>
          )}
        </Space>
        <Typography.Text type="secondary">{b.orgName}</Typography.Text>
        {b.slogan && <Typography.Text strong>{b.slogan}</Typography.Text>}
        {b.story && <Typography.Paragraph style={{ marginBottom: 0 }}>{b.story}</Typography.Paragraph>}
        {standards.map(([k, label]) =>
          b[k] ? (
            <div key={k}>
              <Typography.Text type="secondary">{label}：</Typography.Text>
              {String(b[k])}
            </div>
          ) : null,
        )}
        {evidence > 0 && <Typography.Text type="secondary">品牌活动与宣传佐证 {evidence} 项</Typography.Text>}
        {b.honors.map((h) => (
          <div key={`${h.name}-${h.awardedOn}`}>
            <Tag icon={<TrophyOutlined />} color="gold" style={{ whiteSpace: 'normal' }}>
              {h.name}（{h.levelLabel}）
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.issuer} · {showDate(h.awardedOn)}
            </Typography.Text>
          </div>
        ))}
      </Space>
    </Card>
  );
}

export default function ShowcasePage() {
  const { courtId = '' } = useParams();
  const q = useQuery({ queryKey: ['brand-showcase', courtId], queryFn: () => api.get<BrandShowcase>(`/public/brand-showcase/${courtId}`), retry: false });
  if (q.isLoading) return <Skeleton active style={{ padding: 24 }} />;
  if (q.error || !q.data) return <Result status="404" title="未找到该法院的党建品牌展示" subTitle={q.error ? describeError(q.error) : undefined} />;
  const master = q.data.brands.filter((b) => b.isMaster);
  const branches = q.data.brands.filter((b) => !b.isMaster);
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: '24px 16px' }}>
      <Typography.Title level={2} style={{ textAlign: 'center', color: partyRed }}>
        {q.data.courtName}党建品牌
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        一支部一品牌 · 院品牌引领、支部品牌协同
      </Typography.Paragraph>
      {!q.data.brands.length ? (
        <Empty description="该法院尚未公开展示党建品牌" />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {master.map((b) => (
            <BrandBlock key={b.id} b={b} />
          ))}
          <Row gutter={[16, 16]}>
            {branches.map((b) => (
              <Col key={b.id} xs={24} md={12}>
                <BrandBlock b={b} />
              </Col>
            ))}
          </Row>
        </Space>
      )}
    </div>
  );
}
