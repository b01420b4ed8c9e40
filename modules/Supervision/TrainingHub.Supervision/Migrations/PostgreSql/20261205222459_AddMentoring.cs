using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddMentoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentoringGoals",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DropReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringGoals_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalSchema: "supervision",
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentoringReviews",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    WentWell = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Next = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GoalsMet = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringReviews_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalSchema: "supervision",
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringGoals_AssignmentId",
                schema: "supervision",
                table: "MentoringGoals",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringGoals_UnitId",
                schema: "supervision",
                table: "MentoringGoals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringReviews_AssignmentId_AuthorId",
                schema: "supervision",
                table: "MentoringReviews",
                columns: new[] { "AssignmentId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentoringReviews_UnitId",
                schema: "supervision",
                table: "MentoringReviews",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentoringGoals",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "MentoringReviews",
                schema: "supervision");
        }
    }
}
