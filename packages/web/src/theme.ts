import { useSyncExternalStore } from 'react';
import type { ThemeConfig } from 'antd';

/** 党建红 (party red) with neutral surfaces; warnings stay amber and errors a deeper red. */
export const partyRed = '#c8161d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: partyRed,
    colorLink: partyRed,
    colorError: '#a8071a',
    colorWarning: '#d48806',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: partyRed, siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: partyRed },
  },
};

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

const reducedMotionTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

function subscribeReducedMotion(onChange: () => void): () => void {
  const mql = window.matchMedia?.(reducedMotionQuery);
  mql?.addEventListener('change', onChange);
  return () => mql?.removeEventListener('change', onChange);
}

/**
 * The theme, without antd's zoom and slide effects when the system asks for less motion
 * (Windows «显示动画» off, macOS «减弱动态效果»): a dialog then opens where it will stay, which also
 * keeps the browser tests from clicking a button that is still moving in.
 */
export function useTheme(): ThemeConfig {
  const reduced = useSyncExternalStore(subscribeReducedMotion, () => window.matchMedia?.(reducedMotionQuery).matches ?? false);
  return reduced ? reducedMotionTheme : theme;
}
