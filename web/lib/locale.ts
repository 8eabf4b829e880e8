/** The interface languages: Chinese first, English available. */
export type Locale = "zh" | "en";
