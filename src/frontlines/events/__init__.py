"""Events: detecting, typing and assembling conflict events with their arguments."""
