import { Grid } from 'antd';

/** Form props: labels on the left on desktop, on top on phones. */
export function useFormLayout(labelSpan = 6) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  return phone
    ? ({ layout: 'vertical' } as const)
    : ({
        layout: 'horizontal',
        labelCol: { span: labelSpan },
        wrapperCol: { span: 24 - labelSpan },
      } as const);
}

/** True below the md breakpoint (768 px). */
export function usePhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
