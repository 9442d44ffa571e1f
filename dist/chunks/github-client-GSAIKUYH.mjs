#!/usr/bin/env node
import{a,b,c,d,e,f,g,h}from"./chunk-UB35ZRP4.mjs";import"./chunk-GKGIBZTT.mjs";import"./chunk-JR272ABH.mjs";export{g as callSignal,a as createOctokit,f as githubError,e as githubMessage,c as hasResponse,b as httpStatus,d as isStatus,h as withReadRetry};
