export { default } from "@appbase/next-kit/loading";
