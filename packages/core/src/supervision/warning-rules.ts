// Pure rules of the supervision loop: filled in by its feature.
export {};
