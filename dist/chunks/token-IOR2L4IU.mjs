#!/usr/bin/env node
import{a,b,c,d}from"./chunk-K4GDEAUF.mjs";import"./chunk-ADBDUSYZ.mjs";import"./chunk-QR5CNXRT.mjs";import"./chunk-U7UZWK5R.mjs";import"./chunk-QYJQZJP6.mjs";import"./chunk-TDEPTCFJ.mjs";import"./chunk-WRFCQ6NZ.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
