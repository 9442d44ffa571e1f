#!/usr/bin/env node
import{a,b,c,d}from"./chunk-NFFFQEG4.mjs";import"./chunk-H5ZFJQ3U.mjs";import"./chunk-QR5CNXRT.mjs";import"./chunk-WRFCQ6NZ.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
