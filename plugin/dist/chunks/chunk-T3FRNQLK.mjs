#!/usr/bin/env node
import{a as s}from"./chunk-O4AR3DY2.mjs";import{a as r,d as o}from"./chunk-IDPOGZEX.mjs";var n=o(s(),1);function e(t,i){return i===t||i.startsWith(t+n.sep)}r(e,"isWithin");export{e as a};
