import { Progress, type ProgressProps } from 'antd';

/**
 * antd's Progress with the accessible name a progress bar needs (axe: aria-progressbar-name): a screen
 * reader says what is progressing, not only "progress bar 40 %". Use it instead of Progress.
 */
export function LabelledProgress({ label, ...props }: ProgressProps & { label: string }) {
  return <Progress {...props} aria-label={label} />;
}
