import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import { type FakeWorkspace, fileRoutes, startFakeWorkspace, unavailable } from "../testing/index.ts";
import { files } from "./files.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start() {
  const volume = fileRoutes({ volumes: ["main.gold.landing"], pageSize: 3 });
  fake = await startFakeWorkspace({ routes: volume.routes });
  const { client, waits } = clientFor(fake);
  return { fs: files(client), volume, fake, waits };
}

describe("Files API over a volume", () => {
  it("uploads bytes unmodified, reads them back and their metadata, and lists the directory", async () => {
    const { fs, volume } = await start();
    const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x00, 0xff, 0xfe, 0x0a, 0x0d]);
    await fs.createDirectory("/Volumes/main/gold/landing/customer hub/profile");
    await fs.upload("/Volumes/main/gold/landing/customer hub/profile/part-0.parquet", bytes);
    expect(volume.file("/Volumes/main/gold/landing/customer hub/profile/part-0.parquet")).toEqual(
      Buffer.from(bytes),
    );
    expect(await fs.download("/Volumes/main/gold/landing/customer hub/profile/part-0.parquet")).toEqual(
      bytes,
    );
    expect(await fs.metadata("/Volumes/main/gold/landing/customer hub/profile/part-0.parquet")).toMatchObject(
      { size: bytes.length },
    );
    expect(await fs.metadata("/Volumes/main/gold/landing/nope.parquet")).toBeUndefined();
    expect(await fs.list("/Volumes/main/gold/landing/customer hub")).toEqual([
      { path: "/Volumes/main/gold/landing/customer hub/profile", isDirectory: true, size: 0 },
    ]);
    expect(await fs.list("/Volumes/main/gold/landing/missing")).toBeUndefined();
  });

  it("creates directories idempotently and lists every page of a large directory", async () => {
    const { fs } = await start();
    await fs.createDirectory("/Volumes/main/gold/landing/many");
    await fs.createDirectory("/Volumes/main/gold/landing/many");
    for (let i = 0; i < 8; i += 1) {
      await fs.upload(
        `/Volumes/main/gold/landing/many/f-${String(i).padStart(4, "0")}`,
        new Uint8Array([i % 256]),
      );
    }
    const listed = await fs.list("/Volumes/main/gold/landing/many");
    expect(listed).toHaveLength(8);
    expect(new Set(listed?.map((e) => e.path)).size).toBe(8);
  });

  it("refuses a create-only upload over an existing file, a missing volume, and a path outside volumes", async () => {
    const { fs } = await start();
    await fs.upload("/Volumes/main/gold/landing/a.csv", new TextEncoder().encode("a\n1\n"));
    await expect(
      fs.upload("/Volumes/main/gold/landing/a.csv", new Uint8Array([1]), { overwrite: false }),
    ).rejects.toMatchObject({ status: 409, errorCode: "ALREADY_EXISTS" });
    await fs.upload("/Volumes/main/gold/landing/a.csv", new Uint8Array([2]));
    expect(await fs.download("/Volumes/main/gold/landing/a.csv")).toEqual(new Uint8Array([2]));
    await expect(fs.upload("/Volumes/main/other/vol/a.csv", new Uint8Array([1]))).rejects.toMatchObject({
      status: 404,
    });
    await expect(fs.upload("/tmp/a.csv", new Uint8Array([1]))).rejects.toThrow(/not an absolute volume path/);
    await expect(fs.upload("/Volumes/main/gold/landing/../x", new Uint8Array([1]))).rejects.toThrow(
      /not an absolute volume path/,
    );
    await fs.delete("/Volumes/main/gold/landing/a.csv");
    await expect(fs.download("/Volumes/main/gold/landing/a.csv")).rejects.toMatchObject({ status: 404 });
  });

  it("retries an upload refused with 503 and waits as told", async () => {
    const { fs, fake, waits, volume } = await start();
    fake.inject("files.upload", unavailable(2));
    await fs.upload("/Volumes/main/gold/landing/r.bin", new Uint8Array([7, 8]));
    expect(waits).toEqual([2000]);
    expect(fake.calls("files.upload")).toBe(2);
    expect(volume.file("/Volumes/main/gold/landing/r.bin")).toEqual(Buffer.from([7, 8]));
  });
});
