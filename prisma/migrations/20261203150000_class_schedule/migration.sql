-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "latePenalty" REAL;

-- CreateTable
CREATE TABLE "ClassAssessment" (
    "classId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "latePercentPerDay" REAL,
    "lateDays" INTEGER NOT NULL DEFAULT 0,
    "feedback" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("classId", "assessmentId"),
    CONSTRAINT "ClassAssessment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Accommodation" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL DEFAULT '*',
    "timeFactor" REAL NOT NULL DEFAULT 1,
    "extraMinutes" INTEGER NOT NULL DEFAULT 0,
    "closesAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("classId", "userId", "assessmentId"),
    CONSTRAINT "Accommodation_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Accommodation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

