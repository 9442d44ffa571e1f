#!/usr/bin/env node
import{a as t}from"./chunk-YEINTJO6.mjs";import{a as i}from"./chunk-TD3GEFHN.mjs";import{a as o,d as r}from"./chunk-IDPOGZEX.mjs";var e=r(i(),1);function s(n){return t.existsSync((0,e.join)(n,"_kernel","key.md"))}o(s,"isWalnut");function u(n){return s(n)||t.existsSync((0,e.join)(n,"_core","key.md"))}o(u,"isAnyWalnut");export{s as a,u as b};
