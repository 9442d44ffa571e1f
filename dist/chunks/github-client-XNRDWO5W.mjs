#!/usr/bin/env node
import{a,b,c,d,e,f,g,h}from"./chunk-AYXDQ2KL.mjs";import"./chunk-QZIM6FBK.mjs";import"./chunk-TSE7D6FA.mjs";export{g as callSignal,a as createOctokit,f as githubError,e as githubMessage,c as hasResponse,b as httpStatus,d as isStatus,h as withReadRetry};
