// A page's card with a title and actions. On a phone the actions move under the title, so a long
// name in the title is never squeezed to "党…" by the buttons.
import type { CSSProperties, ReactNode } from 'react';
import { Card, Grid } from 'antd';

export function PageCard({ title, actions, children, style }: { title: ReactNode; actions?: ReactNode; children: ReactNode; style?: CSSProperties }) {
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  return (
    <Card title={title} extra={isPhone ? undefined : actions} style={style} styles={{ header: { minHeight: 56 }, title: { whiteSpace: 'normal' } }}>
      {isPhone && actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      {children}
    </Card>
  );
}

export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
