using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class FindVolunteersFromAnIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Staff_PositionTypeId_IsActive_UnitId_Id",
                schema: "workforce",
                table: "Staff",
                columns: new[] { "PositionTypeId", "IsActive", "UnitId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Staff_PositionTypeId_IsActive_UnitId_Id",
                schema: "workforce",
                table: "Staff");
        }
    }
}
