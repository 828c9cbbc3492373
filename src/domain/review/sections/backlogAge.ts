// Age of the backlog at week end: open tickets by days since submission.
import type { ReviewFigures, ReviewSection } from '../model';
import { DAY, type ReviewScope } from '../scope';

export function backlogAgeSection(scope: ReviewScope): {
  section: ReviewSection;
  backlogAge: ReviewFigures['backlogAge'];
} {
  const { T, asOf, openAtEnd } = scope;
  const backlogAge = { lt1: 0, d1to3: 0, d3to7: 0, gt7: 0 };
  for (const t of openAtEnd) {
    const days = (asOf - (t.submittedAt as number)) / DAY;
    if (days < 1) backlogAge.lt1++;
    else if (days < 3) backlogAge.d1to3++;
    else if (days < 7) backlogAge.d3to7++;
    else backlogAge.gt7++;
  }
  const section: ReviewSection = {
    key: 'backlogAge',
    title: T.backlogAge,
    basis: T.backlogAgeBasis,
    table: {
      header: T.ageCols,
      rows: [
        [T.ages[0], backlogAge.lt1],
        [T.ages[1], backlogAge.d1to3],
        [T.ages[2], backlogAge.d3to7],
        [T.ages[3], backlogAge.gt7],
        [T.total, openAtEnd.length],
      ],
      formats: ['text', 'int'],
    },
    notes: [T.ageNote],
  };
  return { section, backlogAge };
}
