#!/usr/bin/env node
import{a as e,i as o}from"./chunk-3LQ4RF7N.mjs";function u(r){if(r===process.pid)return!0;try{return process.kill(r,0),!0}catch(t){return o(t)==="EPERM"}}e(u,"processAlive");export{u as a};
