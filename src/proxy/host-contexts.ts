import tls from "node:tls";
import type { CertificateAuthority } from "../tls/certificates.js";

/**
 * The TLS server contexts the proxy shows its clients, one per host name, each with a certificate the
 * proxy's CA issues the first time the host is asked for (a few milliseconds) and keeps for the run.
 */
export class HostContexts {
  private readonly contexts = new Map<string, Promise<tls.SecureContext>>();

  constructor(private readonly ca: CertificateAuthority) {}

  contextFor(host: string): Promise<tls.SecureContext> {
    const name = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
    let context = this.contexts.get(name);
    if (!context) {
      context = this.ca.issue([name]).then((material) => tls.createSecureContext(material));
      // A failed issue is not kept: the next connection tries again.
      context.catch(() => this.contexts.delete(name));
      this.contexts.set(name, context);
    }
    return context;
  }
}
