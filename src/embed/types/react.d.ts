// <status-widget> in React 19's JSX: `import type {} from "status-widget/react";` once in a
// project. React 19 passes `on<event>` props of custom elements as event listeners, so
// `onstatus-widget-update={(e) => …}` listens to `status-widget-update`.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  StatusWidgetAttributes,
  StatusWidgetElement,
  StatusWidgetErrorDetail,
  StatusWidgetUpdateDetail,
} from "./status-widget.js";

/** The props `<status-widget>` takes in React. */
export type StatusWidgetProps = DetailedHTMLProps<HTMLAttributes<StatusWidgetElement>, StatusWidgetElement> &
  StatusWidgetAttributes & {
    "onstatus-widget-update"?: (event: CustomEvent<StatusWidgetUpdateDetail>) => void;
    "onstatus-widget-error"?: (event: CustomEvent<StatusWidgetErrorDetail>) => void;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "status-widget": StatusWidgetProps;
    }
  }
}
