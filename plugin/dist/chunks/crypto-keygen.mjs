#!/usr/bin/env node
import{i as t,j as o}from"./chunk-3XAD4RAM.mjs";import"./chunk-44JLHXD6.mjs";import{d as n}from"./chunk-XX4YMHXO.mjs";import"./chunk-YEINTJO6.mjs";import{a as y}from"./chunk-O4AR3DY2.mjs";import{f as r}from"./chunk-ZCZ2YSNP.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-LK5J5IDF.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-UB5XQDZL.mjs";import{d as a}from"./chunk-IDPOGZEX.mjs";var p=a(y(),1);var k=n({name:"keygen",summary:"make an RSA-4096 key pair",usage:`usage: alive-p2p keygen --out DIR [--json]

Makes an RSA-4096 key pair in DIR (created with mode 0700 if missing):
  DIR/private.pem   PKCS#8, mode 0600 \u2014 keep it secret, never share it
  DIR/public.pem    SubjectPublicKeyInfo \u2014 give this one to peers
An existing key is never replaced.

Options:
  --out DIR   folder for the two files (the relay uses $ALIVE_HOME/relay/keys)
  --json      print {private_key, public_key, fingerprint} as one JSON object (the
              fingerprint as SHA256:xxxx:\u2026, as everywhere else)
  -h, --help  show this help`,options:{out:{type:"string"}},async run(e){let s=(0,p.resolve)(e.required(e.values.out,"--out"));!e.json&&e.io.stderr.isTTY===!0&&e.io.stderr.write(`making an RSA-4096 key pair (a few seconds)...
`);let i=await o(s);if(e.json){e.printJson({ok:!0,private_key:i.privateKeyPath,public_key:i.publicKeyPath,fingerprint:t(i.fingerprint)});return}e.print(`private key: ${r(i.privateKeyPath,4e3)} (mode 0600; keep it secret)`),e.print(`public key:  ${r(i.publicKeyPath,4e3)} (give this one to peers)`),e.print(`fingerprint: ${t(i.fingerprint)}`)}});export{k as keygenCommand};
