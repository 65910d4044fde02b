"""Hypothesis strategies that draw Kazakh phrases together with their known values.

Wired up once the numeral, date and quantity strategies exist.
"""
