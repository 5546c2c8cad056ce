/* false: fails, for scripts that test a status. */
int main(void)
{
	return 1;
}
