import assert from "node:assert/strict";
import test from "node:test";
import { instanceSettingsFixture } from "../testing/instance-settings-fixture";
import { signV2 } from "./s3-client";
import { renderS3ProxyConfig } from "./s3proxy-config";

const settings = instanceSettingsFixture({ name: "main", maintenanceMinRetention: "1h", storage: "s3" });

test("s3proxy.conf: loopback endpoint, signed requests with the instance's pair, filesystem backend under the instance", () => {
  const creds = { accessKey: "PULSEAAAAAAAAAAAAAAA", secretKey: "x".repeat(40) };
  assert.equal(
    renderS3ProxyConfig(settings, creds),
    [
      "s3proxy.endpoint=http://127.0.0.1:19008",
      "s3proxy.authorization=aws-v2-or-v4",
      "s3proxy.identity=PULSEAAAAAAAAAAAAAAA",
      `s3proxy.credential=${"x".repeat(40)}`,
      "s3proxy.ignore-unknown-headers=true",
      "jclouds.provider=filesystem-nio2",
      "jclouds.identity=PULSEAAAAAAAAAAAAAAA",
      `jclouds.credential=${"x".repeat(40)}`,
      "jclouds.filesystem.basedir=/tmp/pulse-x/s3proxy/data",
      "",
    ].join("\n"),
  );
});

test("signature v2 matches the worked example of AWS's documentation", () => {
  // "Signing and authenticating REST requests", Object GET: the signature printed there.
  assert.equal(
    signV2("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "GET", "Tue, 27 Mar 2007 19:36:42 +0000", "/johnsmith/photos/puppy.jpg"),
    "bWq2s1WEIj+Ydj0vQ697zp+IXMU=",
  );
});
