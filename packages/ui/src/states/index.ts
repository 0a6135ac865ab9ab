export { EmptyState, type EmptyStateProps } from "./empty-state.tsx";
export { ErrorState, type ErrorStateProps } from "./error-state.tsx";
export { LoadingSkeleton, type LoadingSkeletonProps } from "./loading-skeleton.tsx";
