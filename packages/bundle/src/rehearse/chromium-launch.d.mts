/** Launch options for Playwright's `use.launchOptions`. */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] };
