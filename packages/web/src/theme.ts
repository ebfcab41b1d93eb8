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
