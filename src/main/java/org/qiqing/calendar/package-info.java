/**
 * The official working-day calendar: public holidays and the weekend days worked in their
 * stead (调休), per year, nationally and per region, and the arithmetic of working days and
 * office hours that every time limit is counted in.
 */
package org.qiqing.calendar;
