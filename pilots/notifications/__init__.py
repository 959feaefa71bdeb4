"""Matching subscriptions to opportunities and delivering what matched."""
