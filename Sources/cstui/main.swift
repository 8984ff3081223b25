print("cstui")
