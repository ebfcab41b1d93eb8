// Small pieces shared by the 党费 ledger page and the member's card.
import { Space, Tag } from 'antd';
import { yuan, type DuesMonthCellView } from '../../api/dues';

/** One month of a member: 已交 (代交, 补交), 未交 with the amount due, 免交, 未定基数, 不在册. */
export function DuesCellTag({ cell }: { cell: DuesMonthCellView }) {
  if (cell.state === 'paid') {
    return (
      <Space size={2} wrap>
        <Tag color="green" style={{ marginInlineEnd: 0 }}>已交 {yuan(cell.paidFen)}</Tag>
        {cell.paidByName && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{cell.paidByName}代交</Tag>}
        {cell.backPaid && <Tag color="orange" style={{ marginInlineEnd: 0 }}>补交</Tag>}
      </Space>
    );
  }
  const colors: Record<string, string> = { unpaid: 'red', exempt: 'purple', noBase: 'gold', notMember: 'default', future: 'default' };
  return <Tag color={colors[cell.state]}>{cell.state === 'unpaid' ? `未交 ${yuan(cell.dueFen)}` : cell.stateLabel}</Tag>;
}

