import { type IconProps, StrokeIcon } from '../components/icons.tsx';

export const TaskListIcon = (props: IconProps) => (
  <StrokeIcon {...props}>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <path d="m3.5 6 1.5 1.5L7.5 5M3.5 12l1.5 1.5 2.5-2.5M3.5 18l1.5 1.5 2.5-2.5" />
  </StrokeIcon>
);

export const CareCardIcon = (props: IconProps) => (
  <StrokeIcon {...props}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M7 10h6M7 14h4" />
    <path d="M17.5 9.5c-.6-.7-1.8-.5-1.8.5 0 .9 1.8 2 1.8 2s1.8-1.1 1.8-2c0-1-1.2-1.2-1.8-.5Z" />
  </StrokeIcon>
);
