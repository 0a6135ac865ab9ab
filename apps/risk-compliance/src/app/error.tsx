"use client";

export { default } from "@appbase/next-kit/error";
