export { type ActivityItem, ActivityList, type ActivityListProps } from "./activity-list.tsx";
