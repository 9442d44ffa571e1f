#!/usr/bin/env node
import{a,b,c,d,e,f,g,h}from"./chunk-URFGGJZK.mjs";import"./chunk-4KQH7MIV.mjs";import"./chunk-IFLFJIQW.mjs";export{g as callSignal,a as createOctokit,f as githubError,e as githubMessage,c as hasResponse,b as httpStatus,d as isStatus,h as withReadRetry};
