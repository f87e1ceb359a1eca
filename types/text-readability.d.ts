declare module 'text-readability' {
  const readability: {
    fleschKincaidGrade(text: string): number;
    colemanLiauIndex(text: string): number;
    syllableCount(text: string): number;
  };
  export default readability;
}
