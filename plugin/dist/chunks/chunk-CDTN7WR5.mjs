#!/usr/bin/env node
import{g as o}from"./chunk-R4TOT6VD.mjs";import{a as e}from"./chunk-IDPOGZEX.mjs";function u(r){if(r===process.pid)return!0;try{return process.kill(r,0),!0}catch(t){return o(t)==="EPERM"}}e(u,"processAlive");export{u as a};
