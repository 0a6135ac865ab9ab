export { Card, type CardProps } from "./card.tsx";
export { type DetailItem, DetailList } from "./detail-list.tsx";
