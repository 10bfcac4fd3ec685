import { createTheme, type MantineColorsTuple } from '@mantine/core'

/** 政务蓝: a deep, sober blue. Red stays free for what must stand out (法定节假日, errors). */
const zhengwu: MantineColorsTuple = [
  '#ecf1f8', '#d5dfee', '#a8bedd', '#789ccb', '#517fbc',
  '#3a6db3', '#2c5fa5', '#234f8c', '#1b427a', '#113566',
]

export const CHINESE_FONTS = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif"

export const theme = createTheme({
  primaryColor: 'zhengwu',
  primaryShade: 7,
  colors: { zhengwu },
  fontFamily: CHINESE_FONTS,
  headings: {
    fontFamily: CHINESE_FONTS,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.4' },
    },
  },
  // An office application is read all day: slightly smaller and denser than Mantine's defaults.
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Users who ask their system for less motion get no transitions (and tests get steady screenshots).
  respectReducedMotion: true,
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { centered: true } },
  },
})
