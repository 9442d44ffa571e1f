#!/usr/bin/env node
import{a,b}from"./shared-MHXHXS3X.mjs";import"./shared-KMK46AX7.mjs";export{b as closestName,a as editDistance};
