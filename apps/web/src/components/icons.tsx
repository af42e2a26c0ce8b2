/** Small line icons (16px, currentColor), decorative: always next to a text label or an aria-label. */
import type { CSSProperties, ReactNode } from 'react';

function Svg({ children, size = 16, style }: { children: ReactNode; size?: number; style?: CSSProperties }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      aria-hidden="true"
      style={style}
    >
      {children}
    </svg>
  );
}

export const IconChart = () => (
  <Svg>
    <rect x="6" y="1.5" width="4" height="3" rx="0.8" />
    <rect x="1.5" y="11.5" width="4" height="3" rx="0.8" />
    <rect x="10.5" y="11.5" width="4" height="3" rx="0.8" />
    <path d="M8 4.5v3.5M3.5 11.5V8h9v3.5" />
  </Svg>
);
export const IconTeams = () => (
  <Svg>
    <circle cx="4" cy="4.5" r="2.5" />
    <circle cx="12" cy="4.5" r="2.5" />
    <circle cx="8" cy="12" r="2.5" />
    <path d="M6 6l1 3.5M10 6l-1 3.5M6.5 4.5h3" />
  </Svg>
);
export const IconLadder = () => (
  <Svg>
    <path d="M4 1.5v13M12 1.5v13M4 4.5h8M4 8h8M4 11.5h8" />
  </Svg>
);
export const IconList = () => (
  <Svg>
    <path d="M2 3h2M6 3h8M4 8h2M8 8h6M4 13h2M8 13h6M3 3v10" />
  </Svg>
);
export const IconHistory = () => (
  <Svg>
    <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2v2.5H5" />
    <path d="M8 5v3l2 1.5" />
  </Svg>
);
export const IconUndo = () => (
  <Svg>
    <path d="M5.5 3L2.5 6l3 3" />
    <path d="M2.5 6h7a4 4 0 0 1 0 8H7" />
  </Svg>
);
export const IconRedo = () => (
  <Svg>
    <path d="M10.5 3l3 3-3 3" />
    <path d="M13.5 6h-7a4 4 0 0 0 0 8H9" />
  </Svg>
);
export const IconSearch = () => (
  <Svg>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5L14 14" />
  </Svg>
);
export const IconDownload = () => (
  <Svg>
    <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11" />
  </Svg>
);
export const IconPlus = () => (
  <Svg>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);
export const IconClose = () => (
  <Svg>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Svg>
);
export const IconChevron = ({ open }: { open: boolean }) => (
  <Svg size={12} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}>
    <path d="M6 3.5L10.5 8 6 12.5" />
  </Svg>
);
export const IconTarget = () => (
  <Svg>
    <circle cx="8" cy="8" r="5.5" />
    <circle cx="8" cy="8" r="2" />
  </Svg>
);
export const IconLink = () => (
  <Svg>
    <path d="M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1" />
  </Svg>
);
export const IconAlert = () => (
  <Svg>
    <path d="M8 1.8L15 14H1L8 1.8z" />
    <path d="M8 6.5v3.2M8 11.6v.4" />
  </Svg>
);
export const IconUpload = () => (
  <Svg>
    <path d="M8 10.5V2M4.5 5.5L8 2l3.5 3.5M2 10.5v2.5a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1v-2.5" />
  </Svg>
);
export const IconFile = () => (
  <Svg>
    <path d="M9.5 1.5H4a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5L9.5 1.5z" />
    <path d="M9.5 1.5V5H13M5.5 8.5h5M5.5 11h5" />
  </Svg>
);
export const IconCheck = () => (
  <Svg>
    <path d="M3 8.5l3 3 7-7" />
  </Svg>
);
export const IconCompare = () => (
  <Svg>
    <path d="M2.5 14V8.5M6.5 14V4M10.5 14V6.5M14.5 14V2" />
  </Svg>
);

export const IconComment = ({ size = 16 }: { size?: number }) => (
  <Svg size={size}>
    <path d="M2.5 3.5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H7l-3 2.5V11H3.5a1 1 0 0 1-1-1z" />
  </Svg>
);
