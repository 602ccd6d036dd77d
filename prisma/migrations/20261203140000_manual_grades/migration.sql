-- CreateTable
CREATE TABLE "ManualGrade" (
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "part" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "graderId" TEXT NOT NULL,
    "gradedAt" DATETIME NOT NULL,

    PRIMARY KEY ("attemptId", "position", "part"),
    CONSTRAINT "ManualGrade_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

