import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mosaic", template: "%s · Mosaic" },
  description: "Collaborative tumor board: lesion maps, heterogeneity, response and liquid profiling.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
